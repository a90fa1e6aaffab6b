-- wrk script for P2: one new payment per request, either through the app or raw.
--   mode "graphql": processPayment over GraphQL (POST to the URL's path)
--   mode "create":  the raw baseline, PUT <URL's path>/_create/<id> of a document the app stored
-- args: <mode> <id prefix> [<file holding the document>, for "create"]. A failed request is printed as
-- "FAILED <status> <body>"; done() prints one "RESULT" line that ApiBenchmarks reads.
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("thread_no", threads)
end

function init(args)
  mode = args[1]
  prefix = args[2] .. "-" .. thread_no .. "-"
  if mode == "create" then
    local file = assert(io.open(args[3], "rb"))
    document = file:read("*a")
    file:close()
  end
  sent = 0
  authorization = "Bearer " .. (os.getenv("LEDGER_TOKEN") or "")
end

function request()
  sent = sent + 1
  if mode == "create" then
    return wrk.format("PUT", wrk.path .. "/_create/" .. prefix .. sent, {["Content-Type"] = "application/json"},
      document)
  end
  -- the organization and user are the bearer token's (LEDGER_TOKEN)
  local body = '{"query":"mutation($input: ProcessPaymentInput!) { processPayment(input: $input) { paymentId version } }",'
    .. '"variables":{"input":{"paymentId":"' .. prefix .. sent .. '","amount":"12.34","currency":"EUR"}}}'
  return wrk.format("POST", wrk.path, {["Content-Type"] = "application/json", ["Authorization"] = authorization}, body)
end

function response(status, headers, body)
  local ok
  if mode == "create" then
    ok = status == 201
  else
    ok = status == 200 and not string.find(body, '"errors"', 1, true)
  end
  if not ok then
    io.write("FAILED " .. status .. " " .. string.sub(body, 1, 500) .. "\n")
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT requests=%d duration_us=%d errors=%d p50_us=%d p99_us=%d\n", summary.requests,
    summary.duration, e.connect + e.read + e.write + e.status + e.timeout, latency:percentile(50),
    latency:percentile(99)))
end
