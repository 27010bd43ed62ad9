import { DEFAULT_FAN_PREVIEW_POLICY, fanPreviewSchedule } from '../../../domain/notify/fan-preview-schedule';
import { toEpochMs, toIsoUtc } from '../../../domain/shared/time';
import { streamDeadlines } from '../../../domain/stream/selectors';
import { nowMs } from '../../engine/clock';
import { notify } from '../notify';
import type { StreamRun } from '../stream-run';
import { earliest } from './approvals';

/**
 * Sends the fan previews that are due (per tier, out of quiet hours) and returns when the next one is. A preview
 * whose time had passed before the stream was announced is skipped, not sent late; one held by a pause goes out when
 * resumed, if the stream has not started yet.
 */
export function sendDueFanPreviews(run: StreamRun): string | undefined {
  const { liveStart } = streamDeadlines(run.state);
  const announcedAtMs = toEpochMs(run.state.phaseEnteredAt.preheat ?? liveStart);
  const { sends } = fanPreviewSchedule(
    toEpochMs(liveStart),
    run.state.plan.timeZone,
    DEFAULT_FAN_PREVIEW_POLICY,
  );
  const upcoming: string[] = [];
  for (const send of sends) {
    if (send.sendAtMs < announcedAtMs || run.state.approvalNotices[send.purpose] !== undefined) continue;
    if (send.sendAtMs > nowMs() || run.isPaused) {
      upcoming.push(toIsoUtc(send.sendAtMs));
      continue;
    }
    const to = notify(run, send.purpose, 1, { fans: send.tier }, 'fan_preview', {
      tier: send.tier,
      liveStartAt: toEpochMs(liveStart),
      watchUrl: run.link(`/streams/${run.state.streamId}`),
    });
    run.emit({ type: 'ReminderSent', approvalKey: send.purpose, to });
  }
  return earliest(upcoming);
}
