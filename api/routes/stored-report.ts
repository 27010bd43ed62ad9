import type { Response } from 'express';

interface StoredReport {
  id: string;
  kind: string;
  subjectId: string;
  json: string;
  html: string;
  csv: string;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * A row of the Report table as asked for: the HTML page, the CSV as a download, or (undefined: the route answers)
 * JSON with the report parsed and the subject named as `subjectKey` (streamId, scheduleId).
 */
export function answerStoredReport(
  res: Response,
  report: StoredReport,
  format: 'json' | 'html' | 'csv',
  download: { csvName: string; subjectKey: string },
): Record<string, unknown> | undefined {
  if (format === 'html') {
    res.status(200).type('text/html; charset=utf-8').send(report.html);
    return undefined;
  }
  if (format === 'csv') {
    res.status(200).type('text/csv; charset=utf-8').attachment(download.csvName).send(report.csv);
    return undefined;
  }
  return {
    id: report.id,
    kind: report.kind,
    [download.subjectKey]: report.subjectId,
    createdAt: report.createdAt.toISOString(),
    updatedAt: report.updatedAt.toISOString(),
    report: JSON.parse(report.json) as unknown,
  };
}
