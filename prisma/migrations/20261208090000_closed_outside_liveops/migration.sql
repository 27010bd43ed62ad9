-- AlterTable
ALTER TABLE "StreamRecord" ADD COLUMN "closedAs" TEXT;

-- AlterTable
ALTER TABLE "CampaignRecord" ADD COLUMN "closedAs" TEXT;
