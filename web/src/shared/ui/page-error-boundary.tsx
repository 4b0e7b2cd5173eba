// A page that fails while drawing says so in words and leaves the rest of the app working,
// instead of blanking the screen.
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface State {
  failed: boolean;
}

export class PageErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('The page failed to draw:', error, info.componentStack);
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <section className="page" role="alert">
        <h1>This page could not be shown</h1>
        <p>Something unexpected went wrong while drawing it. Reload the page; if it happens again, tell your administrator.</p>
      </section>
    );
  }
}
