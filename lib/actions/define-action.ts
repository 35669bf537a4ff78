// The one pipeline of every server action (ARCHITECTURE "One way for each idea"):
//   guard by name → actor and request context → zod parse (every field error, typed values
//   echoed back minus secrets) → one service call → the one user-facing error (UserError)
//   mapped to its French message → revalidate → the answer.
// A small typed builder rather than next-safe-action: our forms already speak `FormState`
// through React's useActionState, and the library's client chain would add a second
// result shape to every form for no rule we do not already hold here.
import "server-only";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { authorize, type GuardName, type ViewerOf } from "../auth/guards";
import { FORM_HAS_ERRORS, formInput, parseInput, submittedValues, type FormState } from "../forms";
import { UserError } from "../operation";
import { currentRequest, type ActionRequest } from "./request";

export type ErrorState = Extract<FormState<never>, { status: "error" }>;

/** What the service call receives besides its input. */
export interface ActionCall<G extends GuardName> {
  /** The signed-in person (also the operation's Actor), as the guard let them through. */
  actor: ViewerOf<G>;
  context: ActionRequest["context"];
  formData: FormData;
}

export interface ActionSpec<G extends GuardName, S extends z.ZodType, R, State> {
  guard: G;
  /** Where the login page brings a signed-out person back to. */
  returnTo?: string;
  schema: S;
  /** Fields never echoed back (passwords, codes). */
  secret?: readonly string[];
  /** How the raw input is read from the form, when a field repeats or nests. */
  input?: (formData: FormData) => Record<string, unknown>;
  /**
   * Fields the person does not see (ids of hidden inputs): a problem with one is said above
   * the form, with this message (or the problem's own when `true`).
   */
  hiddenFields?: Record<string, string | true>;
  /** Completes the answer to a form with errors (a check that needs several fields…). */
  invalid?: (state: ErrorState, formData: FormData) => ErrorState;
  /** The one service call. Throws UserError for what the person must be told. */
  run: (input: z.output<S>, call: ActionCall<G>) => Promise<R>;
  /** Pages whose data the call changed. */
  revalidate?: readonly string[] | ((input: z.output<S>, result: R) => readonly string[]);
  /** The success message (the form's usual answer)… */
  success?: (result: R, input: z.output<S>, call: ActionCall<G>) => string;
  /** …or the whole answer, for forms whose state says more (it may also redirect). */
  answer?: (result: R, input: z.output<S>, call: ActionCall<G>) => State;
}

/** Moves problems of hidden fields above the form, where the person can read them. */
function surfaceHidden(state: ErrorState, hidden: Record<string, string | true> | undefined): ErrorState {
  if (!hidden) return state;
  for (const [field, message] of Object.entries(hidden)) {
    const problem = state.fieldErrors[field];
    if (problem) return { status: "error", message: message === true ? problem : message, fieldErrors: {}, values: state.values };
  }
  return state;
}

/** A UserError as the form's answer; anything else is a bug and goes on to the error page. */
export function refusalState(error: unknown, values: Record<string, string>, hidden?: Record<string, string | true>): ErrorState {
  if (!(error instanceof UserError)) throw error;
  if (!error.field) return { status: "error", message: error.message, fieldErrors: {}, values };
  return surfaceHidden({ status: "error", message: FORM_HAS_ERRORS, fieldErrors: { [error.field]: error.message }, values }, hidden);
}

/** What an action declared about itself: read by the authorization matrix and hostile-input tests. */
export interface ActionDeclaration {
  guard: GuardName;
  schema: z.ZodType;
  /** The action reads its form with its own `input` function: field names differ from the schema's. */
  readsFormItself: boolean;
}

// Keyed by the action function itself, so nothing outlives the module and nothing is exported
// from "use server" files but the actions.
const declarations = new WeakMap<object, ActionDeclaration>();

/** The declaration of an action made by defineAction; undefined for an entry point that dispatches to several. */
export function declarationOf(action: unknown): ActionDeclaration | undefined {
  return typeof action === "function" ? declarations.get(action) : undefined;
}

export function defineAction<G extends GuardName, S extends z.ZodType, R, State = FormState<object>>(
  spec: ActionSpec<G, S, R, State>,
): (previous: State, formData: FormData) => Promise<State> {
  const action = async (_previous: State, formData: FormData): Promise<State> => {
    const request = await currentRequest();
    const actor = authorize(spec.guard, request.viewer, spec.returnTo);
    const values = submittedValues(formData, spec.secret);
    const parsed = parseInput(spec.schema, spec.input ? spec.input(formData) : formInput(formData), values);
    if (!parsed.ok) {
      const state = surfaceHidden(parsed.state as ErrorState, spec.hiddenFields);
      return (spec.invalid ? spec.invalid(state, formData) : state) as State;
    }
    const call: ActionCall<G> = { actor, context: request.context, formData };
    let result: R;
    try {
      result = await spec.run(parsed.data, call);
    } catch (error) {
      return refusalState(error, values, spec.hiddenFields) as State;
    }
    const paths = typeof spec.revalidate === "function" ? spec.revalidate(parsed.data, result) : (spec.revalidate ?? []);
    for (const path of paths) revalidatePath(path);
    if (spec.answer) return spec.answer(result, parsed.data, call);
    return { status: "success", message: spec.success?.(result, parsed.data, call), result: {} } as State;
  };
  declarations.set(action, { guard: spec.guard, schema: spec.schema, readsFormItself: Boolean(spec.input) });
  return action;
}
