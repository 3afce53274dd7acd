import { replicationOn, TOPIC_REPLICATION } from './topics';

describe('topic replication', () => {
  it('declares three copies and two in sync for a cluster', () => {
    expect(TOPIC_REPLICATION).toEqual({ replicationFactor: 3, minInsyncReplicas: 2 });
    expect(replicationOn(3)).toEqual({ replicationFactor: 3, minInsyncReplicas: 2 });
    expect(replicationOn(5)).toEqual({ replicationFactor: 3, minInsyncReplicas: 2 });
  });

  it('caps both at what a smaller cluster can hold, never refusing every write', () => {
    expect(replicationOn(1)).toEqual({ replicationFactor: 1, minInsyncReplicas: 1 });
    expect(replicationOn(2)).toEqual({ replicationFactor: 2, minInsyncReplicas: 1 });
    expect(replicationOn(0)).toEqual({ replicationFactor: 1, minInsyncReplicas: 1 });
  });
});
