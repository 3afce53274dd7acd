import { Catch, type ArgumentsHost, type RpcExceptionFilter } from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';

/**
 * The last exception filter of the event handlers: hands the handler's own error back to the
 * transport unchanged. Nest's default RPC filter would turn it into `{ status: 'error' }`, and
 * the consumer decides by the error itself: `PermanentError` or a schema error → dead letter at
 * once, an unreachable database → pause without counting an attempt, anything else → retry.
 * A handler's or controller's own `@UseFilters` runs first and may translate an error (e.g. a
 * business refusal into `PermanentError`).
 */
@Catch()
export class PassErrorsToTransport implements RpcExceptionFilter<unknown> {
  catch(exception: unknown, _host: ArgumentsHost): Observable<never> {
    return throwError(() => exception);
  }
}
