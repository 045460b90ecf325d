// The partnerships' reads and writes: the register, one partnership (with what the reader may do next), recording
// one (with a new city if need be), editing it and changing its state (If-Match), a city's activities, and the
// networks.
import { keepPreviousData, mutationOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import { citiesChanged, createCity } from '@/lib/api/cities';
import { api, ifMatch, unwrap } from '@/lib/api/client';
import { keys } from '@/lib/api/queryKeys';
import type { paths, Schema } from '@/lib/api/types';
import type { RegisterQuery } from './registerQuery';

type Partnership = Schema<'PartnershipView'>;
export type NetworksQuery = NonNullable<paths['/api/v1/networks']['get']['parameters']['query']>;
export type CityActivitiesQuery = NonNullable<paths['/api/v1/cities/{id}/activities']['get']['parameters']['query']>;

/** A page of the register, the last page shown while the next loads. */
export const registerPageQuery = (query: RegisterQuery) =>
  queryOptions({
    queryKey: keys.partnerships.list(query),
    queryFn: () => unwrap(api.GET('/api/v1/partnerships', { params: { query } })),
    placeholderData: keepPreviousData,
  });

/** One partnership, with its `allowedActions` (and its history and focal points for staff). */
export const partnershipQuery = (id: string) =>
  queryOptions({
    queryKey: keys.partnerships.detail(id),
    queryFn: () => unwrap(api.GET('/api/v1/partnerships/{id}', { params: { path: { id } } })),
  });

/** A partnership as a change answered it, into the cache at once; the register is read again. */
function storePartnership(client: QueryClient, updated: Partnership) {
  client.setQueryData(keys.partnerships.detail(updated.id), updated);
  void client.invalidateQueries({ queryKey: keys.partnerships.all });
}

/** A partnership to record: with a city of the list, or a new one (added first). */
export type NewPartnership = Omit<Schema<'CreatePartnershipRequest'>, 'cityId'> & ({ cityId: string } | { newCity: Schema<'CreateCityRequest'> });

/**
 * Records a partnership; a new city is added first and `onCityAdded` told, so that a retry after a refused
 * partnership does not add the city twice.
 */
export const recordPartnership = (onCityAdded: (city: Schema<'CityView'>) => void) =>
  mutationOptions({
    mutationFn: async (request: NewPartnership, { client }) => {
      let cityId: string;
      if ('newCity' in request) {
        const city = await createCity(request.newCity);
        citiesChanged(client);
        onCityAdded(city);
        cityId = city.id;
      } else {
        cityId = request.cityId;
      }
      const body: Schema<'CreatePartnershipRequest'> = { cityId, kind: request.kind, state: request.state, signedOn: request.signedOn };
      return unwrap(api.POST('/api/v1/partnerships', { body }));
    },
    onSuccess: (_created, _request, _result, { client }) => void client.invalidateQueries({ queryKey: keys.partnerships.all }),
  });

export const updatePartnership = (partnership: Partnership) =>
  mutationOptions({
    mutationFn: (body: Schema<'UpdatePartnershipRequest'>) =>
      unwrap(api.PATCH('/api/v1/partnerships/{id}', { params: { path: { id: partnership.id }, header: ifMatch(partnership.version) }, body })),
    onSuccess: (updated, _body, _result, { client }) => storePartnership(client, updated),
  });

export const changePartnershipState = (partnership: Partnership) =>
  mutationOptions({
    mutationFn: (body: Schema<'ChangeStateRequest'>) =>
      unwrap(api.POST('/api/v1/partnerships/{id}/state', { params: { path: { id: partnership.id }, header: ifMatch(partnership.version) }, body })),
    onSuccess: (updated, _body, _result, { client }) => storePartnership(client, updated),
  });

/** A page of a city's activities, newest first, the last page shown while the next loads. */
export const cityActivitiesQuery = (cityId: string, query: CityActivitiesQuery) =>
  queryOptions({
    queryKey: keys.cities.activities(cityId, query),
    queryFn: () => unwrap(api.GET('/api/v1/cities/{id}/activities', { params: { path: { id: cityId }, query } })),
    placeholderData: keepPreviousData,
  });

/** Records an activity with a city, or corrects `activity`; the city's overview, activities and partnerships follow. */
export const saveActivity = (cityId: string, activity?: Schema<'ActivityView'>) =>
  mutationOptions({
    mutationFn: (body: Schema<'CreateActivityRequest'>) =>
      activity
        ? unwrap(api.PATCH('/api/v1/activities/{id}', { params: { path: { id: activity.id } }, body }))
        : unwrap(api.POST('/api/v1/cities/{id}/activities', { params: { path: { id: cityId } }, body })),
    onSuccess: (_saved, _body, _result, { client }) => {
      void client.invalidateQueries({ queryKey: keys.cities.all });
      void client.invalidateQueries({ queryKey: keys.activities.all });
      void client.invalidateQueries({ queryKey: keys.partnerships.all });
    },
  });

export const networksQuery = (query: NetworksQuery) =>
  queryOptions({
    queryKey: keys.networks.list(query),
    queryFn: () => unwrap(api.GET('/api/v1/networks', { params: { query } })),
    placeholderData: keepPreviousData,
  });

/** Records a network membership, or corrects `network`. */
export const saveNetwork = (network?: Schema<'NetworkView'>) =>
  mutationOptions({
    mutationFn: (body: Schema<'CreateNetworkRequest'>) =>
      network ? unwrap(api.PATCH('/api/v1/networks/{id}', { params: { path: { id: network.id } }, body })) : unwrap(api.POST('/api/v1/networks', { body })),
    onSuccess: (_saved, _body, _result, { client }) => void client.invalidateQueries({ queryKey: keys.networks.all }),
  });
