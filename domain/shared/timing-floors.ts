/**
 * The smallest durations a plan may set, for every kind (streams and campaigns read these): a reminder, an SLA, a
 * cool-down or a question put to a person that repeats faster than this floods the team; a data check (a rollup, a
 * "no data" watch) faster than its floor only loads the database. Tests and demos shrink days to these, not below.
 */
export const PERSON_FLOOR_SECONDS = 60;
export const DATA_CHECK_FLOOR_SECONDS = 10;
