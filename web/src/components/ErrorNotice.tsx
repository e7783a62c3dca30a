/** A request that failed, said in the view, with a way to try again. */
export function ErrorNotice({
  what,
  error,
  onRetry,
}: {
  what: string;
  error: { message: string };
  onRetry: () => void;
}) {
  return (
    <div className="notice notice--error" role="alert" data-testid="error-notice">
      <p>
        {what} could not be loaded: {error.message}
      </p>
      <button type="button" className="button" onClick={onRetry} data-testid="retry">
        Try again
      </button>
    </div>
  );
}
