import { alertRecipients } from '../../../domain/metrics';
import { ZTeamRosterSchema } from '../../../domain/stream/plan.types';

const roster = {
  host: [{ id: 'anna' }],
  co_host: [{ id: 'bo' }],
  room_operator: [{ id: 'chen' }, { id: 'chen' }],
  manager: [{ id: 'dai' }],
};

describe('alertRecipients', () => {
  it('sends to the room operator, then the co-host, never the host, while on air', () => {
    expect(alertRecipients(roster, true)).toEqual(['chen', 'bo']);
  });

  it('includes the host off air', () => {
    expect(alertRecipients(roster, false)).toEqual(['chen', 'bo', 'anna']);
  });

  it('excludes a host who is also listed as co-host while on air', () => {
    expect(alertRecipients({ ...roster, co_host: [{ id: 'anna' }, { id: 'bo' }] }, true)).toEqual([
      'chen',
      'bo',
    ]);
  });

  it('falls back to managers when nobody else can act, but still not to an on-air host', () => {
    expect(alertRecipients({ host: [{ id: 'anna' }], manager: [{ id: 'dai' }] }, true)).toEqual(['dai']);
    expect(
      alertRecipients({ host: [{ id: 'anna' }], co_host: [{ id: 'anna' }], manager: [{ id: 'anna' }] }, true),
    ).toEqual([]);
  });
});

describe('alertRecipients with the stream plan roster', () => {
  it('accepts the plan team roster as is', () => {
    const team = ZTeamRosterSchema.parse({
      host: [{ id: 'anna', name: 'Anna' }],
      room_operator: [{ id: 'chen', name: 'Chen' }],
    });
    expect(alertRecipients(team, true)).toEqual(['chen']);
  });
});
