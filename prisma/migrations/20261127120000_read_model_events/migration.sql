-- CreateTable
CREATE TABLE "PendingItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workflowId" TEXT NOT NULL,
    "workflowKind" TEXT NOT NULL DEFAULT 'stream',
    "workflowTitle" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL,
    "itemKey" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "assigneeRole" TEXT NOT NULL,
    "openToRole" TEXT,
    "revision" INTEGER,
    "sku" TEXT,
    "subjectName" TEXT,
    "reason" TEXT,
    "since" DATETIME NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "remindersSent" INTEGER NOT NULL DEFAULT 0,
    "escalated" BOOLEAN NOT NULL DEFAULT false
);

-- CreateTable
CREATE TABLE "PendingItemActor" (
    "pendingItemId" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "relation" TEXT NOT NULL,

    PRIMARY KEY ("pendingItemId", "actorId", "relation"),
    CONSTRAINT "PendingItemActor_pendingItemId_fkey" FOREIGN KEY ("pendingItemId") REFERENCES "PendingItem" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WorkflowEvent" (
    "workflowId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    "actorId" TEXT NOT NULL,
    "json" TEXT NOT NULL,

    PRIMARY KEY ("workflowId", "seq")
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_StreamRecord" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "phase" TEXT NOT NULL,
    "scheduledStart" DATETIME NOT NULL,
    "timeZone" TEXT NOT NULL DEFAULT 'Asia/Shanghai',
    "paused" BOOLEAN NOT NULL DEFAULT false,
    "nextDeadlineAt" DATETIME,
    "nextDeadlineKind" TEXT,
    "pendingApprovals" INTEGER NOT NULL DEFAULT 0,
    "stateVersion" INTEGER NOT NULL,
    "stateJson" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_StreamRecord" ("createdAt", "id", "owner", "pendingApprovals", "phase", "scheduledStart", "stateJson", "stateVersion", "title", "updatedAt") SELECT "createdAt", "id", "owner", "pendingApprovals", "phase", "scheduledStart", "stateJson", "stateVersion", "title", "updatedAt" FROM "StreamRecord";
DROP TABLE "StreamRecord";
ALTER TABLE "new_StreamRecord" RENAME TO "StreamRecord";
CREATE INDEX "StreamRecord_phase_scheduledStart_id_idx" ON "StreamRecord"("phase", "scheduledStart", "id");
CREATE INDEX "StreamRecord_owner_scheduledStart_id_idx" ON "StreamRecord"("owner", "scheduledStart", "id");
CREATE INDEX "StreamRecord_scheduledStart_id_idx" ON "StreamRecord"("scheduledStart", "id");
CREATE TABLE "new_MetricPoint" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "streamId" TEXT NOT NULL,
    "source" TEXT NOT NULL DEFAULT 'pushed',
    "metric" TEXT NOT NULL,
    "ts" DATETIME NOT NULL,
    "value" REAL NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_MetricPoint" ("createdAt", "id", "metric", "streamId", "ts", "value") SELECT "createdAt", "id", "metric", "streamId", "ts", "value" FROM "MetricPoint";
DROP TABLE "MetricPoint";
ALTER TABLE "new_MetricPoint" RENAME TO "MetricPoint";
CREATE INDEX "MetricPoint_streamId_ts_idx" ON "MetricPoint"("streamId", "ts");
CREATE UNIQUE INDEX "MetricPoint_streamId_source_metric_ts_key" ON "MetricPoint"("streamId", "source", "metric", "ts");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "PendingItem_dueAt_id_idx" ON "PendingItem"("dueAt", "id");

-- CreateIndex
CREATE INDEX "PendingItem_openToRole_dueAt_idx" ON "PendingItem"("openToRole", "dueAt");

-- CreateIndex
CREATE UNIQUE INDEX "PendingItem_workflowId_itemKey_key" ON "PendingItem"("workflowId", "itemKey");

-- CreateIndex
CREATE INDEX "PendingItemActor_actorId_relation_idx" ON "PendingItemActor"("actorId", "relation");

-- CreateIndex
CREATE INDEX "WorkflowEvent_workflowId_at_idx" ON "WorkflowEvent"("workflowId", "at");

