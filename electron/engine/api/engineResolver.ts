/** The one place the index/query side picks up the engine's field resolver. */
import type { FieldResolver } from '../filter/resolver';
import type { EventContext } from '../inspector/eventContext';
import { fieldResolver } from '../fields/registry';

export function engineResolver(): FieldResolver<EventContext> {
  return fieldResolver;
}
