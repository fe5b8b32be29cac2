import { RequestMethod, type INestApplication, type Type } from '@nestjs/common';
import { GUARDS_METADATA, METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';

export interface DiscoveredRoute {
  /** e.g. `GET /api/cycles/:id` */
  key: string;
  method: string;
  /** Express form, e.g. `/api/cycles/:id`. */
  path: string;
  /** OpenAPI form, e.g. `/api/cycles/{id}`. */
  openApiPath: string;
  handler: object;
  guards: unknown[];
  /** Classes of the @Body() and @Query() arguments. */
  body: Type | undefined;
  query: Type | undefined;
}

const METHOD_NAMES: Partial<Record<RequestMethod, string>> = {
  [RequestMethod.GET]: 'GET',
  [RequestMethod.POST]: 'POST',
  [RequestMethod.PUT]: 'PUT',
  [RequestMethod.PATCH]: 'PATCH',
  [RequestMethod.DELETE]: 'DELETE',
  [RequestMethod.ALL]: 'ALL',
};

/** Every handler of every controller of the app under the global prefix, with what it declares. */
export function discoverRoutes(app: INestApplication, prefix = 'api'): DiscoveredRoute[] {
  const scanner = new MetadataScanner();
  const routes: DiscoveredRoute[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type | null;
      if (!controller) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      for (const name of scanner.getAllMethodNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, object>)[name];
        const sub = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        const verb = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (sub === undefined || verb === undefined) continue;
        const args = argumentTypes(controller, name);
        for (const p of Array.isArray(sub) ? sub : [sub]) {
          const path = `/${[prefix, base, p]
            .map((s) => s.replace(/^\/+|\/+$/g, ''))
            .filter(Boolean)
            .join('/')}`;
          const method = METHOD_NAMES[verb] ?? String(verb);
          routes.push({
            key: `${method} ${path}`,
            method,
            path,
            openApiPath: path.replace(/:(\w+)/g, '{$1}'),
            handler,
            guards: [
              ...((Reflect.getMetadata(GUARDS_METADATA, controller) as unknown[] | undefined) ?? []),
              ...((Reflect.getMetadata(GUARDS_METADATA, handler) as unknown[] | undefined) ?? []),
            ],
            ...args,
          });
        }
      }
    }
  }
  return routes;
}

function argumentTypes(controller: Type, method: string): { body: Type | undefined; query: Type | undefined } {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) ?? {}) as Record<
    string,
    { index: number; data?: unknown }
  >;
  const types = (Reflect.getMetadata('design:paramtypes', controller.prototype, method) ?? []) as Type[];
  const find = (kind: RouteParamtypes) => {
    const entry = Object.entries(args).find(([key, arg]) => key.startsWith(`${kind}:`) && arg.data === undefined);
    return entry ? types[entry[1].index] : undefined;
  };
  return { body: find(RouteParamtypes.BODY), query: find(RouteParamtypes.QUERY) };
}
