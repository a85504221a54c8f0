-- wrk script: cycles through the paths given after "--" and prints one JSON line of figures.
local paths = {}
local counter = 0

init = function(args)
    for index, path in ipairs(args) do
        paths[index] = path
    end
end

request = function()
    if #paths == 0 then
        return wrk.format(nil)
    end
    counter = counter + 1
    return wrk.format(nil, paths[(counter % #paths) + 1])
end

done = function(summary, latency, requests)
    local errors = summary.errors
    io.write(string.format(
        '{"requests": %d, "duration_us": %d, "p50_us": %d, "p95_us": %d, "p99_us": %d, ' ..
        '"status_errors": %d, "socket_errors": %d}\n',
        summary.requests, summary.duration,
        latency:percentile(50), latency:percentile(95), latency:percentile(99),
        errors.status, errors.connect + errors.read + errors.write + errors.timeout
    ))
end
