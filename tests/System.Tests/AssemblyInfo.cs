using MarketingDev.TestSupport;

[assembly: AssemblyFixture(typeof(TestServersLifetime))]
