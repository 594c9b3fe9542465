import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { makeRunbookStep } from '../../__testUtils__/makeRunbookStep';
import { RunbookStepRow } from './RunbookStepRow';

describe('RunbookStepRow', () => {
  it('shows an open step collapsed with its mark, number and title', async () => {
    await renderInTestApp(
      <RunbookStepRow step={makeRunbookStep()} number={3} />,
    );

    const row = screen.getByRole('button', {
      name: /Check the cluster can run Linkerd/,
    });
    expect(row).toHaveAttribute('aria-expanded', 'false');
    expect(row).toHaveTextContent('to do3. Check the cluster can run Linkerd');
    expect(within(row).queryByText('done')).not.toBeInTheDocument();
    expect(
      screen.queryByText(/The pre-install checks catch/),
    ).not.toBeInTheDocument();
  });

  it('marks a satisfied step as done', async () => {
    await renderInTestApp(
      <RunbookStepRow step={makeRunbookStep({ done: true })} number={1} />,
    );

    const row = screen.getByRole('button', { name: /Check the cluster/ });
    expect(within(row).getByText('done')).toBeInTheDocument();
    expect(within(row).queryByText('to do')).not.toBeInTheDocument();
  });

  it('shows why, the commands, verify and roll back when expanded, each copyable', async () => {
    const step = makeRunbookStep({
      commands: ['linkerd check --pre', 'kubectl get nodes -o wide'],
    });
    await renderInTestApp(<RunbookStepRow step={step} number={1} />);

    const row = screen.getByRole('button', { name: /Check the cluster/ });
    await userEvent.click(row);

    expect(row).toHaveAttribute('aria-expanded', 'true');
    expect(
      screen.getByText(
        'The pre-install checks catch missing permissions and old Kubernetes versions.',
      ),
    ).toBeInTheDocument();
    expect(
      (await screen.findAllByRole('button', { name: /^Copy the / })).map(
        button => button.getAttribute('aria-label'),
      ),
    ).toEqual([
      'Copy the commands of step 1',
      'Copy the verify commands of step 1',
      'Copy the roll back commands of step 1',
    ]);
    // CodeSnippet loads its highlighter asynchronously: wait for the code blocks.
    const code = (
      await screen.findAllByText((_, element) => element?.tagName === 'CODE')
    ).map(element => element.textContent);
    expect(code).toEqual([
      'linkerd check --pre\nkubectl get nodes -o wide',
      'linkerd version --client',
      'echo nothing to undo',
    ]);
    expect(
      screen.getByRole('heading', { name: 'Verify', level: 4 }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { name: 'Roll back', level: 4 }),
    ).toBeInTheDocument();
  });

  it('leaves out verify and roll back when the step has none', async () => {
    const step = makeRunbookStep({ verify: [], rollback: [] });
    await renderInTestApp(<RunbookStepRow step={step} number={1} />);

    await userEvent.click(
      screen.getByRole('button', { name: /Check the cluster/ }),
    );

    expect(
      await screen.findAllByRole('button', { name: /^Copy the / }),
    ).toHaveLength(1);
    expect(
      screen.getByRole('button', { name: 'Copy the commands of step 1' }),
    ).toBeInTheDocument();
    expect(screen.queryByText('Verify')).not.toBeInTheDocument();
    expect(screen.queryByText('Roll back')).not.toBeInTheDocument();
  });
});
