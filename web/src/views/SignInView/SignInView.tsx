import { useApolloClient } from '@apollo/client/react';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useNavigate, useSearchParams } from 'react-router';
import { z } from 'zod';
import { PageHeading } from '../../app/focus.tsx';
import { setSessionToken, useSessionEndedReason } from '../../app/session.ts';
import { ViewerQuery } from '../../app/viewer.ts';
import { FormAlert, TextField } from '../../components/forms/Field.tsx';
import { writeProblem } from '../../components/forms/server-errors.ts';
import { usePageTitle } from '../../hooks/usePageTitle.ts';

const SignInForm = z.object({
  token: z
    .string()
    .trim()
    .min(1, 'Paste the API token an administrator gave you.')
    .refine((token) => !/\s/.test(token), 'A token has no spaces or line breaks: copy it again.'),
});
type SignInForm = z.infer<typeof SignInForm>;

/** Only a path of this app is followed after signing in, never another site. */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

/**
 * Sign in with an API token: the API checks it (the `viewer` query) before it is kept, so a wrong
 * or expired token is said beside the field and nothing is stored.
 */
export function SignInView() {
  usePageTitle('Sign in');
  const client = useApolloClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const ended = useSessionEndedReason();
  const [general, setGeneral] = useState<string[]>([]);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<SignInForm>({ resolver: zodResolver(SignInForm), defaultValues: { token: '' } });

  const onSubmit = async ({ token }: SignInForm) => {
    setGeneral([]);
    try {
      // The token is kept only once the API has said whose it is.
      const { data } = await client.query({
        query: ViewerQuery,
        fetchPolicy: 'no-cache',
        context: { headers: { authorization: `Bearer ${token}` }, checkingToken: true },
      });
      if (!data?.viewer) {
        setError('token', { message: 'The API does not know this token.' }, { shouldFocus: true });
        return;
      }
    } catch (error) {
      const problem = writeProblem(error);
      if (problem.unauthenticated) {
        setError('token', { message: `Not accepted: ${problem.unauthenticated}` }, { shouldFocus: true });
      } else {
        setGeneral(problem.general);
      }
      return;
    }
    // Answers may differ by who asks: what was read anonymously is dropped, and the next page
    // fetches its data as the signed-in person.
    await client.clearStore();
    setSessionToken(token);
    // Signed in as someone else before: the header asks again who it is now.
    void client.refetchQueries({ include: [ViewerQuery] });
    await navigate(safeNext(params.get('next')));
  };

  return (
    <section className="sign-in">
      <PageHeading testId="sign-in-title">Sign in</PageHeading>
      <p className="lede">
        Reading needs no sign-in. To edit a cluster, sign in with the API token an administrator created for
        you; it is kept in this tab only and forgotten when the tab closes.
      </p>
      {ended && (
        <p className="notice" role="status" data-testid="session-ended">
          Your last sign-in ended: {ended}.
        </p>
      )}
      <form className="card form" noValidate onSubmit={handleSubmit(onSubmit)} aria-label="Sign in">
        {general.length > 0 && (
          <FormAlert>
            {general.map((message) => (
              <p key={message}>{message}</p>
            ))}
          </FormAlert>
        )}
        <TextField
          label="API token"
          type="password"
          autoComplete="off"
          spellCheck={false}
          hint="Sent to this site's API as “Authorization: Bearer”."
          error={errors.token?.message}
          testId="token-field"
          data-testid="token-input"
          {...register('token')}
        />
        <div className="form__actions">
          <button
            type="submit"
            className="button button--primary"
            disabled={isSubmitting}
            data-testid="sign-in"
          >
            {isSubmitting ? 'Checking…' : 'Sign in'}
          </button>
        </div>
      </form>
    </section>
  );
}
