-- wrk script: POSTs varied complaints to /api/v1/complaints and counts answers that are not 2xx.
-- The token comes from BENCH_TOKEN (the baseline ignores it).
local token = os.getenv("BENCH_TOKEN") or ""
local subjects = {
  "Parcel arrived damaged", "Charged twice for one order", "Refund not received after three weeks",
  "Engineer did not turn up", "Rude answer on the phone", "Wrong size delivered again",
  "Account locked without warning", "Late delivery ruined a birthday", "Product stopped working after a week",
  "Promised call-back never came",
}
local bodies = {
  "The box was crushed and the vase inside is broken. I want it put right.",
  "I was charged twice on my card for the same order and nobody answers my emails. I have called three times.",
  "I returned the item on the 2nd and still have no refund. Your website says five days. This is not acceptable.",
  "I took a day off work for the installation and nobody came. Nobody called either. I am furious.",
  "The person on the phone told me it was my fault and hung up. I have been a customer for ten years.",
}
local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  errors = 0
end

function request()
  counter = counter + 1
  local body = string.format(
    '{"customer":{"name":"Bench Customer %d","email":"bench.%d.%d@example.com"},"subject":"%s","description":"%s","channel":"web","category":"delivery"}',
    counter, id or 0, counter, subjects[(counter % #subjects) + 1], bodies[(counter % #bodies) + 1])
  return wrk.format("POST", "/api/v1/complaints",
    { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }, body)
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    errors = errors + 1
  end
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do
    total = total + (thread:get("errors") or 0)
  end
  io.write(string.format("non2xx: %d\n", total))
end
