import { credits } from './credits';
import { family } from './family';
import { live } from './live';
import { stories } from './stories';
import type { DomainExpectations } from './types';

// One file per domain; a new domain's file is listed here.
export const DOMAINS: Record<string, DomainExpectations> = { family, credits, stories, live };
