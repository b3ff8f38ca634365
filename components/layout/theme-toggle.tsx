"use client";

import { Button } from "../ui/button";

export function ThemeToggle() {
  function toggle() {
    const next = document.documentElement.dataset.theme === "dark" ? "light" : "dark";
    document.documentElement.dataset.theme = next;
    localStorage.setItem("theme", next);
  }
  return (
    <Button onClick={toggle} aria-label="Switch between dark and light theme" title="Theme">
      ◐
    </Button>
  );
}
