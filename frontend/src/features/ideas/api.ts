// A citizen's ideas: saving a draft or a change (If-Match), submitting, withdrawing, the jury's result, and adding a
// missing city while writing one.
import { mutationOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import { citiesChanged, citiesQuery, createCity } from '@/lib/api/cities';
import { api, ifMatch, unwrap } from '@/lib/api/client';
import { keys } from '@/lib/api/queryKeys';
import type { Schema } from '@/lib/api/types';

type Idea = Schema<'IdeaView'>;
export type IdeaContent = Omit<Schema<'CreateIdeaRequest'>, 'callId'>;

/** An idea as a change answered it, into the cache at once; the lists are read again. */
function storeIdea(client: QueryClient, idea: Idea) {
  client.setQueryData(keys.ideas.detail(idea.id), idea);
  void client.invalidateQueries({ queryKey: keys.ideas.all });
}

/** Creates a draft in a call, or changes `idea` (If-Match its version). */
export async function saveIdea(idea: Idea | undefined, content: IdeaContent, callId: string): Promise<Idea> {
  return idea
    ? unwrap(api.PATCH('/api/v1/ideas/{id}', { params: { path: { id: idea.id }, header: ifMatch(idea.version) }, body: content }))
    : unwrap(api.POST('/api/v1/ideas', { body: { ...content, callId } }));
}

const submit = (id: string) => unwrap(api.POST('/api/v1/ideas/{id}/submit', { params: { path: { id } } }));

/** Saves the form's idea (see saveIdea). */
export const saveIdeaDraft = (idea: Idea | undefined) =>
  mutationOptions({
    mutationFn: ({ content, callId }: { content: IdeaContent; callId: string }) => saveIdea(idea, content, callId),
    onSuccess: (saved, _values, _result, { client }) => storeIdea(client, saved),
  });

/** Saves the form's idea, then submits it. */
export const saveAndSubmitIdea = (idea: Idea | undefined, onSaved: (saved: Idea) => void) =>
  mutationOptions({
    mutationFn: async ({ content, callId }: { content: IdeaContent; callId: string }) => {
      const saved = await saveIdea(idea, content, callId);
      onSaved(saved);
      return submit(saved.id);
    },
    onSuccess: (submitted, _values, _result, { client }) => storeIdea(client, submitted),
  });

/** Submits a draft as it is. */
export const submitIdea = (id: string) =>
  mutationOptions({
    mutationFn: () => submit(id),
    onSuccess: (changed, _none, _result, { client }) => storeIdea(client, changed),
  });

export const withdrawIdea = (id: string) =>
  mutationOptions({
    mutationFn: () => unwrap(api.POST('/api/v1/ideas/{id}/withdraw', { params: { path: { id } } })),
    onSuccess: (changed, _none, _result, { client }) => storeIdea(client, changed),
  });

/** The jury's decision on an idea and the reviewers' comments, once published. */
export const ideaResultQuery = (id: string) =>
  queryOptions({
    queryKey: keys.ideas.result(id),
    queryFn: () => unwrap(api.GET('/api/v1/ideas/{id}/result', { params: { path: { id } } })),
  });

/** The form's cities of a country: a hundred, enough for one country's cities with ties to ours. */
export const formCitiesQuery = (country: string) => citiesQuery({ country, limit: 100 });

/** Adds a city; the form's list for its country shows it at once (a select cannot take a value it does not offer). */
export const addFormCity = () =>
  mutationOptions({
    mutationFn: createCity,
    onSuccess: (city, body, _result, { client }) => {
      client.setQueryData(formCitiesQuery(body.country).queryKey, (page) => (page ? { ...page, items: [...page.items, city], total: page.total + 1 } : page));
      citiesChanged(client);
    },
  });
