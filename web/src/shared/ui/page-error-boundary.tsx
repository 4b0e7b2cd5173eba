// A page that fails while drawing says so in words and leaves the rest of the app working,
// instead of blanking the screen.
import { t } from '../../shared/i18n/i18n';
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
        <h1>{t('web.pageError.title')}</h1>
        <p>{t('web.pageError.text')}</p>
      </section>
    );
  }
}
