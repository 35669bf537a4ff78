"use client";

import { useEffect, type RefObject } from "react";

/**
 * After a submission with errors, move the keyboard focus to the first invalid field
 * (ACC-1), or to the form's message when no field is at fault.
 */
export function useFocusFirstError(
  formRef: RefObject<HTMLFormElement | null>,
  state: { status: string },
  messageId?: string,
) {
  useEffect(() => {
    if (state.status !== "error" || !formRef.current) return;
    const invalid = formRef.current.querySelector<HTMLElement>(
      'input[aria-invalid="true"], select[aria-invalid="true"], textarea[aria-invalid="true"], [role="radiogroup"][aria-invalid="true"] input',
    );
    const target = invalid ?? (messageId ? document.getElementById(messageId) : null);
    target?.focus();
  }, [state, formRef, messageId]);
}
