-- AlterTable
ALTER TABLE "StreamRecord" ADD COLUMN "campaignId" TEXT;
ALTER TABLE "StreamRecord" ADD COLUMN "campaignKey" TEXT;

-- CreateTable
CREATE TABLE "CampaignRecord" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "phase" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL DEFAULT 'Asia/Shanghai',
    "preheatStart" DATETIME NOT NULL,
    "burstStart" DATETIME NOT NULL,
    "burstEnd" DATETIME NOT NULL,
    "tailEnd" DATETIME NOT NULL,
    "paused" BOOLEAN NOT NULL DEFAULT false,
    "nextDeadlineAt" DATETIME,
    "nextDeadlineKind" TEXT,
    "pendingApprovals" INTEGER NOT NULL DEFAULT 0,
    "streamCount" INTEGER NOT NULL DEFAULT 0,
    "stateVersion" INTEGER NOT NULL,
    "stateJson" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "CampaignRecord_phase_preheatStart_id_idx" ON "CampaignRecord"("phase", "preheatStart", "id");

-- CreateIndex
CREATE INDEX "CampaignRecord_preheatStart_id_idx" ON "CampaignRecord"("preheatStart", "id");

-- CreateIndex
CREATE INDEX "StreamRecord_campaignId_scheduledStart_idx" ON "StreamRecord"("campaignId", "scheduledStart");

