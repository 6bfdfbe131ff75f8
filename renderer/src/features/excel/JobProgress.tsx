import type { JobView } from './job';

/** A real progress bar for an import or export, with the phase in words and a Cancel button. */
export function JobProgress({ job, onCancel }: { job: JobView; onCancel: () => void }) {
  const percent = Math.round(job.fraction * 100);
  return (
    <div className="excel-progress">
      <div
        role="progressbar"
        aria-label={job.phase}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${job.phase}: ${percent}%`}
        className="excel-bar"
      >
        <div style={{ width: `${percent}%` }} />
      </div>
      <span aria-live="polite">
        {job.phase}… {percent}%
      </span>
      <button type="button" onClick={onCancel} disabled={!job.id}>
        Cancel
      </button>
    </div>
  );
}
