-- AlterTable
ALTER TABLE "Notification" ADD COLUMN "address" TEXT;
ALTER TABLE "Notification" ADD COLUMN "notBefore" DATETIME;
ALTER TABLE "Notification" ADD COLUMN "providerRef" TEXT;

