-- The inbox's "done by me" list reads a person's latest events.
CREATE INDEX "WorkflowEvent_actorId_at_idx" ON "WorkflowEvent"("actorId", "at");
