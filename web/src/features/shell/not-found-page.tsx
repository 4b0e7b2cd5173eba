import { t } from '../../shared/i18n/i18n';
import { Link } from '../../shared/router/link';

export function NotFoundPage() {
  return (
    <section className="page">
      <h1>{t('web.notFound.title')}</h1>
      <p>{t('web.notFound.text')} <Link to="/accounts">{t('web.notFound.link')}</Link>.</p>
    </section>
  );
}
