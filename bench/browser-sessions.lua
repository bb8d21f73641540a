-- wrk script: one thread per connection, each thread one signed-in browser session.
-- Usage: wrk -tN -cN -s bench/browser-sessions.lua URL -- COOKIE_FILE   (one "Cookie:" header value per line)
-- Each thread keeps the cookies every response sets, as a browser does: Payara's replicated session changes its
-- JSESSIONIDVERSION with every request, and a request with a stale or missing version is not the signed-in session
-- (it is redirected to sign-in). Reports responses other than 200 (wrk itself counts only >= 400 as errors).
local sessions = {}
local threads = {}
local n = 0

function init(args) end

function setup(thread)
  if #sessions == 0 then
    for line in io.lines(cookie_file or os.getenv("COOKIE_FILE")) do table.insert(sessions, line) end
  end
  n = n + 1
  table.insert(threads, thread)
  thread:set("cookie", sessions[((n - 1) % #sessions) + 1])
end

function request()
  return wrk.format(nil, nil, {["Cookie"] = cookie, ["Accept-Encoding"] = "gzip"})
end

function response(status, headers, body)
  local set = headers["Set-Cookie"]
  if set then
    local v = string.match(set, "JSESSIONIDVERSION=([^;]*)")
    if v then cookie = string.gsub(cookie, "JSESSIONIDVERSION=[^;]*", "JSESSIONIDVERSION=" .. v) end
  end
  if status ~= 200 then bad = (bad or 0) + 1 end
end

function done(summary, latency, requests)
  local total = 0
  for _, t in ipairs(threads) do total = total + (t:get("bad") or 0) end
  io.write(string.format("non-200: %d\n", total))
end
