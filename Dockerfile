# liveops worker and API image. The same image runs either role: `npm run worker` or `npm run api`.
FROM node:20-bookworm-slim

ENV NODE_ENV=production
WORKDIR /app

COPY package.json package-lock.json ./
COPY prisma ./prisma
COPY prisma.config.ts ./
COPY runtime/database-url.ts ./runtime/database-url.ts
# tsx and the Prisma CLI are runtime dependencies (TypeScript runs directly; migrations apply at worker start).
RUN npm ci --omit=dev && npm cache clean --force

COPY . .
RUN npx prisma generate

USER node
EXPOSE 3000
CMD ["npm", "run", "api"]
