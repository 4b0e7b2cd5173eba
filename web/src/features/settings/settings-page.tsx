// Settings: everyone's password and API tokens; for admins, users and roles, who sees what,
// the classification rules and the portfolio goals.
import { useUser } from '../../shared/session/session';
import { AccessSection } from './access-section';
import { CurrencySection } from './currency-section';
import { ExchangeRatesSection } from './exchange-rates-section';
import { GoalsSection } from './goals-section';
import { RulesSection } from './rules-section';
import { PasswordSection } from './password-section';
import { TokensSection } from './tokens-section';
import { UsersSection } from './users-section';

export default function SettingsPage() {
  const user = useUser();
  return (
    <section className="page settings-page" aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>
      <div className="settings-grid">
        {user.role === 'admin' && <UsersSection />}
        {user.role === 'admin' && <AccessSection />}
        {user.role === 'admin' && <CurrencySection />}
        {user.role === 'admin' && <ExchangeRatesSection />}
        {user.role === 'admin' && <RulesSection />}
        {user.role === 'admin' && <GoalsSection />}
        <TokensSection />
        <PasswordSection />
      </div>
    </section>
  );
}
