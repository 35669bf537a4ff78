"use client";

// The one way an action's answer reaches the person (issue 16 item 6): every form that runs
// a server action through useActionState shows the answer in a message (role="status" for a
// success, role="alert" for a refusal) and moves the keyboard focus there on each new answer,
// or to the first invalid field when a field is at fault (ACC-1). Without this, a revalidated
// page re-renders under the person and the focus falls to the page body.
//
// Lists whose row disappears once the action succeeds (an account validated leaves "À valider")
// wrap the list in <ResultOutlet>: the row's form reports its answer to the outlet, which
// outlives the row, shows the message above the list and takes the focus.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode, type RefObject } from "react";
import { Alert } from "./alert";

interface AnswerLike {
  status: string;
  message?: string;
}

const INVALID_FIELD =
  'input[aria-invalid="true"], select[aria-invalid="true"], textarea[aria-invalid="true"], [role="radiogroup"][aria-invalid="true"] input';

/**
 * Moves the focus after each new answer of an action: to the first invalid field of `form`
 * when there is one, otherwise to the element `messageId` (the answer's message). An answer is
 * new when the state object changes: useActionState gives one object per submission.
 */
export function useFocusResult(state: AnswerLike, messageId: string, form?: RefObject<HTMLElement | null>) {
  useEffect(() => {
    if (state.status === "idle") return;
    const invalid = state.status === "error" ? form?.current?.querySelector<HTMLElement>(INVALID_FIELD) : null;
    const target = invalid ?? document.getElementById(messageId);
    target?.focus();
  }, [state, messageId, form]);
}

/** The answer's message, focusable by script only (tabIndex -1), announced by its role. */
export function ResultMessage({
  id,
  state,
  title,
  children,
}: {
  id: string;
  state: AnswerLike;
  /** A heading for the message (a success that says more below). */
  title?: ReactNode;
  /** Replaces the state's message (a success that shows a result). */
  children?: ReactNode;
}) {
  if (state.status !== "success" && state.status !== "error") return null;
  // With a title, the title is the message and the children say more.
  const body = title ? children : (children ?? state.message);
  if (!body && !title) return null;
  return (
    <Alert kind={state.status === "success" ? "success" : "error"} id={id} tabIndex={-1} title={title}>
      {body}
    </Alert>
  );
}

/** A form's answer shown and focused: the message plus the focus rule above, in one line. */
export function FormResult({ id, state, form }: { id: string; state: AnswerLike; form?: RefObject<HTMLElement | null> }) {
  useFocusResult(state, id, form);
  return <ResultMessage id={id} state={state} />;
}

type Report = (answer: AnswerLike) => void;
const OutletContext = createContext<Report | null>(null);

/**
 * Shows, above a list, the answer of an action run from one of its rows, and keeps it when
 * the row leaves the list after revalidation.
 */
export function ResultOutlet({ id, children }: { id: string; children: ReactNode }) {
  const [answer, setAnswer] = useState<AnswerLike>({ status: "idle" });
  useFocusResult(answer, id);
  const report = useCallback<Report>((next) => setAnswer({ ...next }), []);
  return (
    <OutletContext.Provider value={report}>
      <div className="empty:hidden">
        <ResultMessage id={id} state={answer} />
      </div>
      {children}
    </OutletContext.Provider>
  );
}

/**
 * Wraps a server action so that its answers go to the enclosing ResultOutlet as soon as they
 * arrive (before the row that ran it is removed). Outside an outlet, the action is unchanged.
 */
export function useOutletAction<S extends AnswerLike>(serverAction: (previous: S, formData: FormData) => Promise<S>) {
  const report = useContext(OutletContext);
  return useMemo(() => {
    if (!report) return serverAction;
    return async (previous: S, formData: FormData) => {
      const answer = await serverAction(previous, formData);
      // Field errors stay with the row's own field; everything else is said above the list.
      const fieldProblem = answer.status === "error" && "fieldErrors" in answer && Object.keys((answer as { fieldErrors: object }).fieldErrors).length > 0;
      if (!fieldProblem) report(answer);
      return answer;
    };
  }, [report, serverAction]);
}

/** Whether the component sits inside a ResultOutlet (its own message is then not shown). */
export function useInOutlet(): boolean {
  return useContext(OutletContext) !== null;
}
