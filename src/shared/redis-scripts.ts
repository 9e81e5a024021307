// The scripts the Redis shared state runs (src/shared/redis-state.ts), one atomic step each, so that
// instances never step back on each other's changes wherever and in whatever order their writes arrive.

/** Sets KEYS[1] to "value:order" unless it holds a later order: the newest breaker change wins. */
export const NEWER_WINS = `local current = redis.call('GET', KEYS[1])
if current then
  local order = tonumber(string.match(current, ':(%d+)$'))
  if order and order >= tonumber(ARGV[2]) then return 0 end
end
redis.call('SET', KEYS[1], ARGV[1] .. ':' .. ARGV[2], 'PX', ARGV[3])
return 1`;

/**
 * A pause key holds "until:clearedAt": the end of the longest pause told since the last operator's reset,
 * and that reset's instant (0: none). PAUSE_LONGEST (ARGV: until, told at, time to live) lengthens the
 * pause unless it was told before the last reset; its time to live never shortens the reset's.
 */
export const PAUSE_LONGEST = `local current = redis.call('GET', KEYS[1])
local untilText, cleared = '0', '0'
if current then
  local u, c = string.match(current, '^(%d+):(%d+)$')
  if u then untilText, cleared = u, c end
end
if tonumber(ARGV[2]) < tonumber(cleared) or tonumber(ARGV[1]) <= tonumber(untilText) then return 0 end
local ttl = math.max(tonumber(ARGV[3]), redis.call('PTTL', KEYS[1]))
redis.call('SET', KEYS[1], ARGV[1] .. ':' .. cleared, 'PX', ttl)
return 1`;

/** An operator's reset at ARGV[1] (time to live ARGV[2]): the pause ends, unless a later reset is there. */
export const PAUSE_CLEARED = `local current = redis.call('GET', KEYS[1])
if current then
  local c = string.match(current, '^%d+:(%d+)$')
  if c and tonumber(c) >= tonumber(ARGV[1]) then return 0 end
end
redis.call('SET', KEYS[1], '0:' .. ARGV[1], 'PX', ARGV[2])
return 1`;

/** Every script, with arguments for the start-up check (src/shared/redis-client.ts). */
export const SCRIPTS = {
  newerWins: { script: NEWER_WINS, probe: ["closed", "1", "10000"] },
  pauseLongest: { script: PAUSE_LONGEST, probe: ["1", "1", "10000"] },
  pauseCleared: { script: PAUSE_CLEARED, probe: ["1", "10000"] },
};
