import { ResponseError } from '@backstage/errors';

/** Error name and status text of the statuses the tests use; others are 400-like. */
const statuses: Record<number, [name: string, statusText: string]> = {
  404: ['NotFoundError', 'Not Found'],
  503: ['ServiceUnavailableError', 'Service Unavailable'],
};

/**
 * Builds the `ResponseError` the client throws for a Backstage error JSON
 * body with the given status.
 *
 * @internal
 */
export async function makeResponseError(
  statusCode: number,
  message: string,
): Promise<ResponseError> {
  const [name, statusText] = statuses[statusCode] ?? [
    'InputError',
    'Bad Request',
  ];
  const body = {
    error: { name, message },
    response: { statusCode },
  };
  return ResponseError.fromResponse(
    new Response(JSON.stringify(body), {
      status: statusCode,
      statusText,
      headers: { 'Content-Type': 'application/json' },
    }),
  );
}
