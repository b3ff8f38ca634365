"use client";

// An administration change from a button or form: sent, reported in a toast (the server's words
// on failure), and the page's server data read again on success.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { api, ApiError } from "@/lib/client/api";

export function useAdminCall() {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const call = async <T>(path: string, init: { method?: string; body?: unknown }, done?: string): Promise<T | null> => {
    setBusy(true);
    try {
      const result = await api<T>(path, init);
      if (done) toast.success(done);
      router.refresh();
      return result;
    } catch (error) {
      toast.error(error instanceof ApiError ? error.message : "could not reach the server");
      return null;
    } finally {
      setBusy(false);
    }
  };
  return { call, busy };
}
