# The local OpenID Connect provider (tools/idp) for docker-compose: development only; production
# uses the province's identity provider (README, "Identities in production").
FROM node:20-bookworm-slim
WORKDIR /repo
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY tsconfig.base.json tsconfig.json ./
COPY tools/register-ts.js tools/register-ts.js
COPY tools/idp tools/idp
COPY libs libs
USER node
CMD ["node", "-r", "./tools/register-ts.js", "tools/idp/idp.ts"]
