import type { FoldState } from '../../shared/reducer';
import type { DocumentStore } from '../store/document-store';
import type { WebhookDispatcher } from './dispatcher';

/**
 * The store the routes use: the same store, telling the webhook dispatcher about every committed write
 * after it is durable (the answer never waits for the hooks).
 */
export function withWebhooks(store: DocumentStore, dispatcher: WebhookDispatcher): DocumentStore {
  const hooked: DocumentStore = {
    list: () => store.list(),
    get: (id) => store.get(id),
    async create(event, actor) {
      return store.create(event, actor);
    },
    async append(id, actor, decide) {
      let before: FoldState['status'] | undefined;
      const result = await store.append(id, actor, (state) => {
        before = state.status; // the decision that commits is the last one made
        return decide(state);
      });
      if (result.events.length > 0) dispatcher.written(result.state, result.events, before);
      return result;
    },
    events: (id, after) => store.events(id, after),
    subscribe: (id, listener) => store.subscribe(id, listener),
    remove: (id) => store.remove(id),
    close: () => store.close(),
  };
  if (store.getForAppend) hooked.getForAppend = (id) => store.getForAppend!(id);
  return hooked;
}
