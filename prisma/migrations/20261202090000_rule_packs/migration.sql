-- CreateTable
CREATE TABLE "RulePack" (
    "version" TEXT NOT NULL PRIMARY KEY,
    "basedOn" TEXT,
    "json" TEXT NOT NULL,
    "note" TEXT,
    "createdBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "RulePack_createdAt_idx" ON "RulePack"("createdAt");

