"""The shared request queue: scrapy-redis's priority queue, where taking a request leases it.

A lease (``<queue>:leases``, its expiry time) keeps the request (``<queue>:leased``) until it
is acknowledged; reaping puts expired leases back in the queue, or in the dead letters
(``<queue>:dead``) after ``max_tries``. Both run as Lua scripts: atomic on the server.
"""

from __future__ import annotations

import time
from collections.abc import Iterable

from scrapy import Request
from scrapy_redis.queue import PriorityQueue

from crawler.distributed import LEASE

_POP = """
local found = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
if #found == 0 then return nil end
redis.call('ZREM', KEYS[1], found[1])
local id = redis.sha1hex(found[1])
redis.call('ZADD', KEYS[2], ARGV[1], id)
redis.call('HSET', KEYS[3], id, found[1])
redis.call('HSET', KEYS[4], id, found[2])
redis.call('HSET', KEYS[5], id, ARGV[2])
return {id, found[1]}
"""
_REAP = """
local ids = {}
if ARGV[3] == '' then
  ids = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', ARGV[1])
else
  local owners = redis.call('HGETALL', KEYS[7])
  for i = 1, #owners, 2 do
    if owners[i + 1] == ARGV[3] then table.insert(ids, owners[i]) end
  end
end
local requeued, dead = 0, 0
for _, id in ipairs(ids) do
  local data = redis.call('HGET', KEYS[3], id)
  local score = redis.call('HGET', KEYS[4], id) or '0'
  redis.call('ZREM', KEYS[2], id)
  redis.call('HDEL', KEYS[3], id)
  redis.call('HDEL', KEYS[4], id)
  redis.call('HDEL', KEYS[7], id)
  if data then
    local tries = redis.call('HINCRBY', KEYS[5], id, 1)
    if tries >= tonumber(ARGV[2]) then
      redis.call('RPUSH', KEYS[6], data)
      redis.call('HDEL', KEYS[5], id)
      dead = dead + 1
    else
      redis.call('ZADD', KEYS[1], score, data)
      requeued = requeued + 1
    end
  end
end
return {requeued, dead}
"""


class LeasedPriorityQueue(PriorityQueue):
    """scrapy-redis's priority queue, where taking a request leases it."""

    lease_seconds = 600.0
    max_tries = 3
    worker = ""

    @property
    def keys(self) -> list[str]:
        key = self.key
        return [key, f"{key}:leases", f"{key}:leased", f"{key}:scores", f"{key}:tries",
                f"{key}:dead", f"{key}:owners"]  # fmt: skip

    def pop(self, timeout: int = 0) -> Request | None:
        queue, leases, leased, scores, _, _, owners = self.keys
        deadline = time.time() + self.lease_seconds
        found = self.server.eval(
            _POP, 5, queue, leases, leased, scores, owners, deadline, self.worker
        )
        if not found:
            return None
        lease, data = found
        request = self._decode_request(data)
        request.meta[LEASE] = lease.decode() if isinstance(lease, bytes) else lease
        return request

    def ack(self, leases: Iterable[str]) -> None:
        leases = [lease for lease in leases if lease]
        if leases:
            _, leased_key, leased, scores, tries, _, owners = self.keys
            with self.server.pipeline() as pipe:
                pipe.zrem(leased_key, *leases).hdel(leased, *leases).hdel(scores, *leases)
                pipe.hdel(tries, *leases).hdel(owners, *leases).execute()

    def reap(self, owner: str = "") -> tuple[int, int]:
        """Expired leases (or all of ``owner``'s, a dead worker's) back to the queue, or to
        the dead letters after too many tries."""
        found = self.server.eval(_REAP, 7, *self.keys, time.time(), self.max_tries, owner)
        return int(found[0]), int(found[1])

    def leases(self) -> int:
        return int(self.server.zcard(self.keys[1]))

    def dead(self) -> int:
        return int(self.server.llen(self.keys[5]))
