"use client";

// When the server ends this tab's session (signed out elsewhere, password changed, account
// disabled), go to the sign-in page instead of showing a dashboard that no longer updates.
import { useEffect } from "react";
import { getSocket } from "@/lib/client/socket";

export function SessionEndedRedirect() {
  useEffect(() => {
    const socket = getSocket();
    const leave = () => window.location.assign("/login");
    socket.on("session:ended", leave);
    return () => void socket.off("session:ended", leave);
  }, []);
  return null;
}
