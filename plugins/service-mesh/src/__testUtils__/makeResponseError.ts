import { ResponseError } from '@backstage/errors';

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
  const name = statusCode === 404 ? 'NotFoundError' : 'InputError';
  const body = {
    error: { name, message },
    response: { statusCode },
  };
  return ResponseError.fromResponse(
    new Response(JSON.stringify(body), {
      status: statusCode,
      statusText: statusCode === 404 ? 'Not Found' : 'Bad Request',
      headers: { 'Content-Type': 'application/json' },
    }),
  );
}
