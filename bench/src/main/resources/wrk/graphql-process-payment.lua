-- wrk script: processPayment over GraphQL, one new payment per request.
-- args: <id prefix>. A GraphQL error or a non-200 answer is printed as "FAILED <body>";
-- done() prints one "RESULT" line that ApiBenchmarks reads.
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("thread_no", threads)
end

function init(args)
  prefix = args[1] .. "-" .. thread_no .. "-"
  sent = 0
end

function request()
  sent = sent + 1
  local body = '{"query":"mutation($input: ProcessPaymentInput!) { processPayment(input: $input) { paymentId version } }",'
    .. '"variables":{"input":{"paymentId":"' .. prefix .. sent .. '","amount":"12.34","currency":"EUR",'
    .. '"organizationId":"org-' .. (sent % 20) .. '","userId":"user-' .. (sent % 200) .. '"}}}'
  return wrk.format("POST", wrk.path, {["Content-Type"] = "application/json"}, body)
end

function response(status, headers, body)
  if status ~= 200 or string.find(body, '"errors"', 1, true) then
    io.write("FAILED " .. status .. " " .. string.sub(body, 1, 500) .. "\n")
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT requests=%d duration_us=%d errors=%d p50_us=%d p99_us=%d\n", summary.requests,
    summary.duration, e.connect + e.read + e.write + e.status + e.timeout, latency:percentile(50),
    latency:percentile(99)))
end
