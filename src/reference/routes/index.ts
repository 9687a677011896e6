/** The route table: every operation of openapi.json and its handler, in the contract's order. */
import type { Route } from '../router.ts';
import { getBalance } from './balance.ts';
import { createChatCompletion } from './chat.ts';
import { createEmbedding, createRerank } from './embeddings.ts';
import { createEval, getEval, listEvals } from './evals.ts';
import { cancelJob, createJob, getJob, listJobs } from './jobs.ts';
import { createSubAccountKey, listSubAccountKeys, revokeSubAccountKey } from './keys.ts';
import { getModel, listModels } from './models.ts';
import { createReplay, getReplay, listReplays } from './replays.ts';
import {
  createSubAccount,
  deleteSubAccount,
  getSubAccount,
  listSubAccounts,
  updateSubAccount,
} from './sub-accounts.ts';
import { getRequestTrace, listRequestTraces } from './traces.ts';
import { getUsage, getUsageBySubAccount, getUsageByTag } from './usage.ts';
import { getWebhookSecret, rotateWebhookSecret } from './webhook-secret.ts';

export const ROUTES: readonly Route[] = [
  {
    method: 'POST',
    path: '/v1/chat/completions',
    operationId: 'createChatCompletion',
    handler: createChatCompletion,
    billable: true,
  },
  { method: 'POST', path: '/v1/embeddings', operationId: 'createEmbedding', handler: createEmbedding, billable: true },
  { method: 'POST', path: '/v1/rerank', operationId: 'createRerank', handler: createRerank, billable: true },
  { method: 'GET', path: '/v1/models', operationId: 'listModels', handler: listModels },
  { method: 'GET', path: '/v1/models/{id}', operationId: 'getModel', handler: getModel, greedy: true },
  { method: 'POST', path: '/v1/jobs', operationId: 'createJob', handler: createJob, billable: true },
  { method: 'GET', path: '/v1/jobs', operationId: 'listJobs', handler: listJobs },
  { method: 'GET', path: '/v1/jobs/{id}', operationId: 'getJob', handler: getJob },
  { method: 'DELETE', path: '/v1/jobs/{id}', operationId: 'cancelJob', handler: cancelJob },
  { method: 'GET', path: '/v1/webhook-secret', operationId: 'getWebhookSecret', handler: getWebhookSecret },
  {
    method: 'POST',
    path: '/v1/webhook-secret/rotate',
    operationId: 'rotateWebhookSecret',
    handler: rotateWebhookSecret,
  },
  { method: 'POST', path: '/v1/sub-accounts', operationId: 'createSubAccount', handler: createSubAccount },
  { method: 'GET', path: '/v1/sub-accounts', operationId: 'listSubAccounts', handler: listSubAccounts },
  { method: 'GET', path: '/v1/sub-accounts/{id}', operationId: 'getSubAccount', handler: getSubAccount },
  { method: 'PATCH', path: '/v1/sub-accounts/{id}', operationId: 'updateSubAccount', handler: updateSubAccount },
  { method: 'DELETE', path: '/v1/sub-accounts/{id}', operationId: 'deleteSubAccount', handler: deleteSubAccount },
  {
    method: 'POST',
    path: '/v1/sub-accounts/{id}/keys',
    operationId: 'createSubAccountKey',
    handler: createSubAccountKey,
  },
  { method: 'GET', path: '/v1/sub-accounts/{id}/keys', operationId: 'listSubAccountKeys', handler: listSubAccountKeys },
  {
    method: 'DELETE',
    path: '/v1/sub-accounts/{id}/keys/{keyId}',
    operationId: 'revokeSubAccountKey',
    handler: revokeSubAccountKey,
  },
  { method: 'GET', path: '/v1/requests', operationId: 'listRequestTraces', handler: listRequestTraces },
  { method: 'GET', path: '/v1/requests/{id}', operationId: 'getRequestTrace', handler: getRequestTrace },
  { method: 'POST', path: '/v1/replays', operationId: 'createReplay', handler: createReplay, billable: true },
  { method: 'GET', path: '/v1/replays', operationId: 'listReplays', handler: listReplays },
  { method: 'GET', path: '/v1/replays/{id}', operationId: 'getReplay', handler: getReplay },
  { method: 'POST', path: '/v1/evals', operationId: 'createEval', handler: createEval, billable: true },
  { method: 'GET', path: '/v1/evals', operationId: 'listEvals', handler: listEvals },
  { method: 'GET', path: '/v1/evals/{id}', operationId: 'getEval', handler: getEval },
  { method: 'GET', path: '/v1/usage', operationId: 'getUsage', handler: getUsage },
  { method: 'GET', path: '/v1/usage/by-tag', operationId: 'getUsageByTag', handler: getUsageByTag },
  {
    method: 'GET',
    path: '/v1/usage/by-sub-account',
    operationId: 'getUsageBySubAccount',
    handler: getUsageBySubAccount,
  },
  { method: 'GET', path: '/v1/balance', operationId: 'getBalance', handler: getBalance },
];
