import type { ButtonHTMLAttributes } from "react";

type Variant = "primary" | "secondary" | "danger";

// The dark theme's accent and red are light: white on them would fall below WCAG contrast. Hover
// moves away from the text's colour (darker under white, lighter under dark text), never towards it.
const styles: Record<Variant, string> = {
  primary: "bg-accent text-white hover:brightness-90 dark:text-canvas dark:hover:brightness-110",
  secondary: "border border-line bg-panel hover:bg-canvas",
  danger: "bg-bad text-white hover:brightness-90 dark:text-canvas dark:hover:brightness-110",
};

/** A button's classes, for elements that must be another library's button (a dialog's Cancel). */
export const buttonClass = (variant: Variant, className = "") =>
  `inline-flex items-center gap-2 rounded-md px-3 py-1.5 font-medium disabled:cursor-not-allowed disabled:opacity-50 ${styles[variant]} ${className}`;

export function Button({
  variant = "secondary",
  className = "",
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant }) {
  return <button className={buttonClass(variant, className)} {...props} />;
}
