"use client";

// The one way to ask "are you sure?": wraps the button that starts an action (its only child) and
// opens a Radix AlertDialog whose title says what will happen. Escape and Cancel do nothing; the
// confirm button runs `onConfirm`. Destructive actions are red and start with Cancel focused, so a
// stray Enter does no harm; other actions start on their confirm button.
import * as AlertDialog from "@radix-ui/react-alert-dialog";
import { useRef, type ReactElement, type ReactNode } from "react";
import { buttonClass } from "./button";

export function ConfirmDialog(props: {
  /** What will happen, as a question: "Delete container web-1?" */
  title: string;
  /** Consequences worth knowing before saying yes. */
  description?: ReactNode;
  /** The confirm button's words: "Delete", "Roll back". */
  confirmLabel: string;
  destructive?: boolean;
  onConfirm(): void;
  /** The element that opens the dialog (a button). */
  children: ReactElement;
}) {
  const confirmButton = useRef<HTMLButtonElement>(null);
  return (
    <AlertDialog.Root>
      <AlertDialog.Trigger asChild>{props.children}</AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <AlertDialog.Content
          className="fixed left-1/2 top-[20vh] z-50 w-[min(28rem,92vw)] -translate-x-1/2 space-y-3 rounded-lg border border-line bg-panel p-5 text-ink shadow-2xl"
          onOpenAutoFocus={(event) => {
            if (props.destructive) return; // Radix focuses Cancel
            event.preventDefault();
            confirmButton.current?.focus();
          }}
        >
          <AlertDialog.Title className="text-base font-semibold">{props.title}</AlertDialog.Title>
          {props.description ? (
            <AlertDialog.Description className="text-muted">{props.description}</AlertDialog.Description>
          ) : null}
          <div className="flex justify-end gap-2 pt-2">
            <AlertDialog.Cancel className={buttonClass("secondary")}>Cancel</AlertDialog.Cancel>
            <AlertDialog.Action
              ref={confirmButton}
              className={buttonClass(props.destructive ? "danger" : "primary")}
              onClick={props.onConfirm}
            >
              {props.confirmLabel}
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
