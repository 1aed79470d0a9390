import { leaseBucket, leaseTimings } from './leader-lease';

it('gives every lease its own bucket, with a name NATS accepts', () => {
  expect(leaseBucket('controllers')).toBe('wake_lease_controllers');
  expect(leaseBucket('scheduler')).toBe('wake_lease_scheduler');
  expect(leaseBucket('my.sched/er')).toBe('wake_lease_my_sched_er');
  expect(leaseBucket('controllers')).not.toBe(leaseBucket('scheduler'));
});

it('renews within the ttl the bucket really has, not only the one asked for', () => {
  expect(leaseTimings(15_000, 15_000)).toEqual({ ttlMs: 15_000, renewMs: 5_000, retryMs: 3_750 });
  // a bucket created by someone else with a 5 s max_age: renewing every 15/3 s would let the entry expire
  expect(leaseTimings(15_000, 5_000)).toEqual({ ttlMs: 5_000, renewMs: 5_000 / 3, retryMs: 1_250 });
  // a longer bucket ttl cannot be shortened by renewing more often: keep our own pace
  expect(leaseTimings(5_000, 15_000).renewMs).toBe(5_000 / 3);
  // no max_age at all (entries never expire): our own ttl sets the pace
  expect(leaseTimings(1_500, 0)).toEqual({ ttlMs: 1_500, renewMs: 500, retryMs: 375 });
});
