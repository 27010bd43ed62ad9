-- Response fields withheld from the stored response (a new API token is shown once): such a record is never replayed.
ALTER TABLE "IdempotencyRecord" ADD COLUMN "withheldFields" TEXT;

-- Records written before this migration may hold a new API token in "responseBody": secrets never stay in this table.
DELETE FROM "IdempotencyRecord" WHERE "path" LIKE '/api/tokens%';
