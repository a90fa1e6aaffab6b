-- wrk script: the raw baseline, one single-document create per request (PUT <path>/_create/<id>).
-- args: <id prefix> <file holding the document>. done() prints one "RESULT" line.
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("thread_no", threads)
end

function init(args)
  prefix = args[1] .. "-" .. thread_no .. "-"
  local file = assert(io.open(args[2], "rb"))
  document = file:read("*a")
  file:close()
  sent = 0
end

function request()
  sent = sent + 1
  return wrk.format("PUT", wrk.path .. "/_create/" .. prefix .. sent, {["Content-Type"] = "application/json"}, document)
end

function response(status, headers, body)
  if status ~= 201 then
    io.write("FAILED " .. status .. " " .. string.sub(body, 1, 500) .. "\n")
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT requests=%d duration_us=%d errors=%d p50_us=%d p99_us=%d\n", summary.requests,
    summary.duration, e.connect + e.read + e.write + e.status + e.timeout, latency:percentile(50),
    latency:percentile(99)))
end
