// Cities, which an idea targets and a partnership is with: the picker's list and adding one missing from it.
import { mutationOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import { api, unwrap } from './client';
import { keys } from './queryKeys';
import type { paths, Schema } from './types';

export type CitiesQuery = NonNullable<paths['/api/v1/cities']['get']['parameters']['query']>;

/** A page of cities, by name or country. */
export const citiesQuery = (query: CitiesQuery) =>
  queryOptions({
    queryKey: keys.cities.list(query),
    queryFn: () => unwrap(api.GET('/api/v1/cities', { params: { query } })),
  });

/** Adds a city (unverified until staff check it). */
export const createCity = (body: Schema<'CreateCityRequest'>) => unwrap(api.POST('/api/v1/cities', { body }));

/** After a city is added: every list of cities is read again. */
export const citiesChanged = (client: QueryClient) => void client.invalidateQueries({ queryKey: keys.cities.all });

export const addCity = () =>
  mutationOptions({
    mutationFn: createCity,
    onSuccess: (_city, _body, _result, { client }) => citiesChanged(client),
  });
