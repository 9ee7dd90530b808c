export declare const APP_USAGE: string;
export declare class AppUsageError extends Error {}
export declare function parseAppArgs(args: string[]): { capture?: string; port?: string; help: boolean };
