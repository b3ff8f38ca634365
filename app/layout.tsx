import type { Metadata } from "next";
import type { ReactNode } from "react";
import { AppToaster } from "@/components/ui/app-toaster";
import "./globals.css";

export const metadata: Metadata = {
  title: "Fleetdeck",
  description: "Docker hosts and Kubernetes clusters in one dashboard",
};

// Applies the saved (or the system's) theme before the first paint, so there is no flash.
const themeScript = `try{var t=localStorage.getItem("theme");if(!t)t=matchMedia("(prefers-color-scheme: dark)").matches?"dark":"light";document.documentElement.dataset.theme=t}catch(e){}`;

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body className="min-h-screen font-sans text-sm antialiased">
        {children}
        <AppToaster />
      </body>
    </html>
  );
}
